import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { test, type TestContext } from "node:test";
import {
  S3ServiceException,
  type ListObjectsV2Command,
  type ListObjectsV2CommandOutput,
} from "@aws-sdk/client-s3";
import {
  Bucket,
  credentialsFromEnv,
  explainS3Error,
  normalizePrefix,
  PublishError,
  type BucketOptions,
} from "../../src/publish/s3-bucket.ts";
import { S3_CREDENTIALS, startS3Server, type S3TestServer } from "../helpers/s3-server.ts";

const md5 = (body: Buffer) => createHash("md5").update(body).digest();
const html = { contentType: "text/html; charset=utf-8", cacheControl: "public, max-age=60" };

/** A bucket client for the test server; `env` holds the credentials, the test server's by default. */
function bucketOf(
  t: TestContext,
  s3: S3TestServer,
  options: Partial<BucketOptions> = {},
  env = S3_CREDENTIALS,
) {
  const bucket = new Bucket(
    {
      bucket: s3.bucket,
      endpoint: s3.endpoint,
      prefix: "",
      region: "us-east-1",
      pathStyle: true,
      ...options,
    },
    credentialsFromEnv(env),
  );
  t.after(() => bucket.client.destroy());
  return bucket;
}

/** A fresh test server and a client for its bucket. */
async function testBucket(t: TestContext, options: Partial<BucketOptions> = {}, env = S3_CREDENTIALS) {
  const s3 = await startS3Server(t);
  return { s3, bucket: bucketOf(t, s3, options, env) };
}

async function put(bucket: Bucket, sitePath: string, text: string, meta = html) {
  const body = Buffer.from(text);
  await bucket.put(sitePath, body, { ...meta, md5: md5(body) });
}

test("a prefix is written without leading slashes and with one trailing slash", () => {
  const cases = { "/site": "site/", "site/": "site/", "//www/heze//": "www/heze/", "/": "", "": "" };
  for (const [given, expected] of Object.entries(cases))
    assert.equal(normalizePrefix(given), expected, given);
  assert.equal(normalizePrefix(), "");
});

test("credentials come from the environment; without them the message names the variables", () => {
  assert.deepEqual(credentialsFromEnv({ AWS_ACCESS_KEY_ID: "id", AWS_SECRET_ACCESS_KEY: "secret" }), {
    accessKeyId: "id",
    secretAccessKey: "secret",
    sessionToken: undefined,
  });
  assert.equal(
    credentialsFromEnv({ AWS_ACCESS_KEY_ID: "id", AWS_SECRET_ACCESS_KEY: "s", AWS_SESSION_TOKEN: "tok" })
      .sessionToken,
    "tok",
  );
  for (const env of [
    {},
    { AWS_ACCESS_KEY_ID: "id" },
    { AWS_ACCESS_KEY_ID: "id", AWS_SECRET_ACCESS_KEY: "" },
  ]) {
    assert.throws(
      () => credentialsFromEnv(env),
      (error: unknown) =>
        error instanceof PublishError &&
        error.name === "PublishError" &&
        error.message === "set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN if any)",
    );
  }
});

test("errors from the bucket are explained in one line naming the bucket; bugs are not", () => {
  const fromBucket = (name: string, status?: number) =>
    new S3ServiceException({ name, $fault: "client", $metadata: { httpStatusCode: status }, message: "x" });
  assert.equal(
    explainS3Error(fromBucket("SignatureDoesNotMatch", 403), "heze-site"),
    "bucket heze-site: the secret key is wrong: check AWS_SECRET_ACCESS_KEY",
  );
  assert.equal(
    explainS3Error(fromBucket("SlowDown", 503), "heze-site"),
    "bucket heze-site: SlowDown (HTTP 503)",
  );
  assert.equal(explainS3Error(fromBucket("Weird"), "heze-site"), "bucket heze-site: Weird");
  const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:9"), { code: "ECONNREFUSED" });
  assert.equal(
    explainS3Error(refused, "heze-site"),
    "bucket heze-site: ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:9",
  );
  assert.equal(explainS3Error(new TypeError("x is undefined"), "heze-site"), undefined);
  assert.equal(explainS3Error("a string", "heze-site"), undefined);
});

test("objects are put with their type and caching, read back, listed by site path and deleted", async (t) => {
  const { s3, bucket } = await testBucket(t);
  await put(bucket, "index.html", "<p>首页</p>");
  await put(bucket, "css/site.css", "body{}", {
    contentType: "text/css",
    cacheControl: "public, max-age=31536000, immutable",
  });

  const stored = await s3.objects();
  assert.equal(stored.get("index.html")?.body.toString(), "<p>首页</p>");
  assert.equal(stored.get("index.html")?.contentType, html.contentType);
  assert.equal(stored.get("index.html")?.cacheControl, html.cacheControl);
  assert.equal(stored.get("css/site.css")?.contentType, "text/css");

  const listed = await bucket.list();
  assert.deepEqual([...listed.keys()].sort(), ["css/site.css", "index.html"]);
  const body = Buffer.from("<p>首页</p>");
  assert.deepEqual(listed.get("index.html"), { etag: `"${md5(body).toString("hex")}"`, size: body.length });

  assert.equal(await bucket.readText("index.html"), "<p>首页</p>");
  assert.equal(await bucket.readText("missing.json"), undefined, "no such object is not an error");
  await bucket.delete("index.html");
  assert.deepEqual([...(await bucket.list()).keys()], ["css/site.css"]);
});

test("under a prefix, keys carry it, listing sees only it and gives site paths", async (t) => {
  const { s3, bucket } = await testBucket(t, { prefix: "www/" });
  const other = bucketOf(t, s3);
  await put(other, "elsewhere.html", "不属于本站");
  await put(other, "www/", "", { contentType: "application/x-directory", cacheControl: "no-cache" });
  await put(bucket, "index.html", "<p>首页</p>");
  assert.equal(bucket.key("index.html"), "www/index.html");
  assert.deepEqual([...(await s3.objects()).keys()].sort(), ["elsewhere.html", "www/", "www/index.html"]);
  assert.deepEqual(
    [...(await bucket.list()).keys()],
    ["index.html"],
    "neither other keys nor folder markers",
  );
  assert.equal(await bucket.readText("index.html"), "<p>首页</p>");
});

test("a listing longer than one page is followed to its end", async (t) => {
  // s3rver's continuation tokens use DES, which Node 24's OpenSSL lacks: the pages are stubbed.
  const { bucket } = await testBucket(t, { prefix: "www/" });
  const pages: Record<string, ListObjectsV2CommandOutput> = {
    first: {
      $metadata: {},
      Contents: [{ Key: "www/a.html", ETag: '"1"', Size: 1 }, { Key: "www/b/" }],
      IsTruncated: true,
      NextContinuationToken: "second",
    },
    second: {
      $metadata: {},
      Contents: [{ Key: "www/c.css", ETag: '"3"', Size: 3 }],
      IsTruncated: false,
      NextContinuationToken: "ignored",
    },
  };
  const asked: (string | undefined)[] = [];
  t.mock.method(bucket.client, "send", async (command: ListObjectsV2Command) => {
    assert.equal(command.input.Prefix, "www/");
    asked.push(command.input.ContinuationToken);
    return pages[command.input.ContinuationToken ?? "first"];
  });
  assert.deepEqual(
    [...(await bucket.list())],
    [
      ["a.html", { etag: '"1"', size: 1 }],
      ["c.css", { etag: '"3"', size: 3 }],
    ],
  );
  assert.deepEqual(asked, [undefined, "second"]);
});

test("every upload carries the MD5 of its bytes, so the store can refuse a damaged one", async (t) => {
  const { s3, bucket } = await testBucket(t);
  await put(bucket, "index.html", "<p>完整</p>");
  const [upload] = s3.requests.filter((r) => r.method === "PUT");
  assert.equal(upload?.headers["content-md5"], md5(Buffer.from("<p>完整</p>")).toString("base64"));
});

test("a failed read is an error, never taken for a missing object", async (t) => {
  const { s3, bucket } = await testBucket(t);
  await put(bucket, ".heze-manifest.json", "{}");
  s3.fail = ({ method }) => (method === "GET" ? 503 : undefined);
  await assert.rejects(bucket.readText(".heze-manifest.json"), (error: unknown) => {
    assert.match(explainS3Error(error, s3.bucket) ?? "", /^bucket heze-site: .*503/);
    return true;
  });
});

test("a wrong access key or a missing bucket is explained in words", async (t) => {
  const { bucket } = await testBucket(t, {}, { ...S3_CREDENTIALS, AWS_ACCESS_KEY_ID: "WRONG" });
  const explained = await bucket.list().then(
    () => "listed",
    (error: unknown) => explainS3Error(error, "heze-site"),
  );
  assert.equal(
    explained,
    "bucket heze-site: the bucket does not know this access key: check AWS_ACCESS_KEY_ID",
  );

  const { bucket: missing } = await testBucket(t, { bucket: "no-such-bucket" });
  const why = await missing.list().then(
    () => "listed",
    (error: unknown) => explainS3Error(error, "no-such-bucket"),
  );
  assert.equal(why, "bucket no-such-bucket: there is no such bucket at this endpoint");
});
