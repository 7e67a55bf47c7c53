/**
 * The bucket, through the official AWS SDK v3 S3 client: list, read the stored manifest, put and
 * delete objects under a key prefix. Works with any S3-compatible store (AWS S3, Aliyun OSS,
 * Tencent COS, Cloudflare R2, MinIO) given its endpoint. Credentials come only from the environment
 * (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, optional AWS_SESSION_TOKEN) and are never printed.
 */
import {
  DeleteObjectCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from "@aws-sdk/client-s3";
import type { RemoteObject } from "./plan.ts";

export interface BucketOptions {
  bucket: string;
  /** `https://oss-cn-beijing.aliyuncs.com`, `http://127.0.0.1:9000`...; AWS S3 when absent. */
  endpoint?: string;
  /** Key prefix the site lives under, `""` or `site/`. */
  prefix: string;
  region: string;
  /** `endpoint/bucket/key` URLs (MinIO, a server reached by IP) instead of `bucket.endpoint/key`. */
  pathStyle: boolean;
}

/** Reads the credentials from the usual environment variables; throws a plain message without them. */
export function credentialsFromEnv(env: NodeJS.ProcessEnv = process.env) {
  const accessKeyId = env.AWS_ACCESS_KEY_ID;
  const secretAccessKey = env.AWS_SECRET_ACCESS_KEY;
  if (!accessKeyId || !secretAccessKey) {
    throw new PublishError("set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN if any)");
  }
  return { accessKeyId, secretAccessKey, sessionToken: env.AWS_SESSION_TOKEN || undefined };
}

/** A failure to tell the user in one line, without a stack trace. */
export class PublishError extends Error {
  override name = "PublishError";
}

/** `normalizePrefix("/site")` gives `site/`; `normalizePrefix("")` gives `""`. */
export function normalizePrefix(prefix = ""): string {
  const trimmed = prefix.replace(/^\/+|\/+$/g, "");
  return trimmed ? `${trimmed}/` : "";
}

const EXPLANATIONS: Record<string, string> = {
  InvalidAccessKeyId: "the bucket does not know this access key: check AWS_ACCESS_KEY_ID",
  SignatureDoesNotMatch: "the secret key is wrong: check AWS_SECRET_ACCESS_KEY",
  AccessDenied: "access denied: the key may not read, list, write or delete in this bucket",
  InvalidToken: "the session token is invalid: check AWS_SESSION_TOKEN",
  ExpiredToken: "the session token has expired: renew AWS_SESSION_TOKEN",
  NoSuchBucket: "there is no such bucket at this endpoint",
};

/**
 * One line saying what went wrong with a request to the bucket, naming the bucket and never the
 * credentials; undefined for an error that is not about a request (a bug, shown with its stack).
 */
export function explainS3Error(error: unknown, bucket: string): string | undefined {
  if (error instanceof S3ServiceException) {
    const status = error.$metadata.httpStatusCode;
    const why = EXPLANATIONS[error.name] ?? `${error.name}${status ? ` (HTTP ${status})` : ""}`;
    return `bucket ${bucket}: ${why}`;
  }
  const code = (error as { code?: unknown } | undefined)?.code;
  if (error instanceof Error && typeof code === "string")
    return `bucket ${bucket}: ${code}: ${error.message}`;
  return undefined;
}

export class Bucket {
  readonly client: S3Client;
  readonly options: BucketOptions;
  constructor(options: BucketOptions, credentials: ReturnType<typeof credentialsFromEnv>) {
    this.options = options;
    this.client = new S3Client({
      region: options.region,
      endpoint: options.endpoint,
      // Virtual-hosted URLs by default: OSS accepts nothing else, and AWS, COS and R2 prefer them.
      forcePathStyle: options.pathStyle,
      credentials,
      // Retries are ours (retry.ts), with a count the summary reports.
      maxAttempts: 1,
      // Several S3-compatible stores reject the SDK's newer default checksums; Content-MD5 guards
      // every upload instead.
      requestChecksumCalculation: "WHEN_REQUIRED",
      responseChecksumValidation: "WHEN_REQUIRED",
      requestHandler: { connectionTimeout: 10_000, requestTimeout: 60_000 },
    });
  }

  key(sitePath: string): string {
    return this.options.prefix + sitePath;
  }

  /** Every object under the prefix, by site path. */
  async list(): Promise<Map<string, RemoteObject>> {
    const objects = new Map<string, RemoteObject>();
    let token: string | undefined;
    do {
      const page = await this.client.send(
        new ListObjectsV2Command({
          Bucket: this.options.bucket,
          Prefix: this.options.prefix || undefined,
          ContinuationToken: token,
        }),
      );
      for (const object of page.Contents ?? []) {
        if (!object.Key || object.Key.endsWith("/")) continue;
        objects.set(object.Key.slice(this.options.prefix.length), {
          etag: object.ETag ?? "",
          size: object.Size ?? 0,
        });
      }
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    return objects;
  }

  /** An object's text, or undefined when there is no such object. */
  async readText(sitePath: string): Promise<string | undefined> {
    try {
      const object = await this.client.send(
        new GetObjectCommand({ Bucket: this.options.bucket, Key: this.key(sitePath) }),
      );
      return await object.Body?.transformToString("utf8");
    } catch (error) {
      if (error instanceof S3ServiceException && error.name === "NoSuchKey") return undefined;
      throw error;
    }
  }

  async put(
    sitePath: string,
    body: Buffer,
    meta: { contentType: string; cacheControl: string; md5: Buffer },
  ): Promise<void> {
    await this.client.send(
      new PutObjectCommand({
        Bucket: this.options.bucket,
        Key: this.key(sitePath),
        Body: body,
        ContentType: meta.contentType,
        CacheControl: meta.cacheControl,
        ContentMD5: meta.md5.toString("base64"),
      }),
    );
  }

  async delete(sitePath: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.options.bucket, Key: this.key(sitePath) }));
  }
}
