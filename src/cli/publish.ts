/**
 * `npm run publish -- --bucket NAME [--endpoint URL] [--prefix P] [--dry-run] [--delete]`: publishes
 * the built site (`_site/`, or HEZE_OUTPUT) to an S3-compatible bucket; see src/publish/publish.ts.
 * Credentials: AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY (AWS_SESSION_TOKEN) from the environment.
 * Other options: --region (else AWS_REGION, else us-east-1), --path-style (MinIO and servers reached
 * by IP), --concurrency N (8), --purge-file FILE (purge-urls.txt). Exits 1 with one line on any failure,
 * 2 with one line and the usage on a bad option.
 */
import { accessSync, constants } from "node:fs";
import path from "node:path";
import { publish } from "../publish/publish.ts";
import { formatBytes } from "../publish/progress.ts";
import { parseOptions, usageError } from "./command-line.ts";
import {
  Bucket,
  PublishError,
  credentialsFromEnv,
  explainS3Error,
  normalizePrefix,
} from "../publish/s3-bucket.ts";

const COMMAND = {
  name: "publish",
  usage:
    "usage: npm run publish -- --bucket NAME [--endpoint URL] [--path-style] [--prefix P] [--region R] [--dry-run] [--delete] [--concurrency N] [--purge-file FILE]",
};

/** The options; a mistake in them is a usage error (exit 2) before anything is read or sent. */
function readArguments() {
  const values = parseOptions(COMMAND, {
    bucket: { type: "string" },
    endpoint: { type: "string" },
    "path-style": { type: "boolean", default: false },
    prefix: { type: "string", default: "" },
    region: { type: "string" },
    "dry-run": { type: "boolean", default: false },
    delete: { type: "boolean", default: false },
    concurrency: { type: "string", default: "8" },
    "purge-file": { type: "string", default: "purge-urls.txt" },
  });
  const concurrency = Number(values.concurrency);
  if (!values.bucket) usageError(COMMAND, "--bucket is required");
  if (!/^\d+$/.test(values.concurrency) || concurrency < 1)
    usageError(COMMAND, `--concurrency "${values.concurrency}": expected a whole number ≥ 1`);
  if (values.endpoint !== undefined && !URL.canParse(values.endpoint))
    usageError(
      COMMAND,
      `--endpoint "${values.endpoint}": expected a URL such as https://oss-cn-beijing.aliyuncs.com`,
    );
  const purgeFolder = path.dirname(path.resolve(values["purge-file"]));
  try {
    accessSync(purgeFolder, constants.W_OK);
  } catch (error) {
    const { code } = error as NodeJS.ErrnoException;
    usageError(
      COMMAND,
      `--purge-file "${values["purge-file"]}": cannot write in ${purgeFolder} (${code}); choose another file`,
    );
  }
  return { ...values, bucket: values.bucket!, concurrency };
}

const log = (line: string) => console.log(`heze-press: ${line}`);
const args = readArguments();
const bucketName = args.bucket;
try {
  const prefix = normalizePrefix(args.prefix);
  const bucket = new Bucket(
    {
      bucket: args.bucket,
      endpoint: args.endpoint,
      prefix,
      pathStyle: args["path-style"],
      region: args.region ?? process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? "us-east-1",
    },
    credentialsFromEnv(),
  );
  const siteDir = path.resolve(process.env.HEZE_OUTPUT ?? "_site");
  log(`${args["dry-run"] ? "dry run: " : ""}publishing ${siteDir} to s3://${args.bucket}/${prefix}`);
  const summary = await publish({
    siteDir,
    bucket,
    dryRun: args["dry-run"],
    delete: args.delete,
    concurrency: args.concurrency,
    purgeFile: path.resolve(args["purge-file"]),
    retry: { attempts: 5, baseDelayMs: 200 },
    log,
  });
  if (args["dry-run"]) {
    log("dry run: nothing was changed");
  } else {
    log(
      `uploaded ${summary.uploaded} (${formatBytes(summary.bytes)}), unchanged ${summary.unchanged}, ` +
        `deleted ${summary.deleted}, kept ${summary.kept}, retried ${summary.retries}, ` +
        `manifest ${summary.manifestStored ? "stored" : "unchanged"}`,
    );
    log(`${summary.purgeUrls.length} changed URL(s) for the CDN purge in ${args["purge-file"]}`);
  }
} catch (error) {
  const message = error instanceof PublishError ? error.message : explainS3Error(error, bucketName);
  if (message === undefined) throw error;
  console.error(`heze-press: publish failed: ${message}`);
  process.exitCode = 1;
}
