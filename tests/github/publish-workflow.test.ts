import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { test } from "node:test";
import { load } from "js-yaml";

interface Step {
  run?: string;
  uses?: string;
  with?: Record<string, string>;
}
interface Workflow {
  on: { push?: { branches?: string[] }; schedule?: { cron: string }[] };
  jobs: Record<string, { steps: Step[] }>;
}

const workflow = load(await readFile(".github/workflows/publish.yml", "utf8")) as Workflow;
const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);
const commands = steps.flatMap((step) => (step.run ? [step.run] : []));

test("the publish workflow runs on pushes to main and on a schedule", () => {
  assert.deepEqual(workflow.on.push?.branches, ["main"]);
  assert.ok(workflow.on.schedule?.[0]?.cron);
});

test("every npm script the workflow calls exists in package.json", async () => {
  const { scripts } = JSON.parse(await readFile("package.json", "utf8")) as {
    scripts: Record<string, string>;
  };
  const called = commands.flatMap((command) => [...command.matchAll(/npm run ([\w:-]+)/g)].map((m) => m[1]!));
  assert.deepEqual(called, ["check", "build", "publish"]);
  for (const script of called) assert.ok(script in scripts, `npm run ${script} is not in package.json`);
  assert.ok(commands.includes("npm ci"));
});

test("the publish step passes the bucket and keeps the purge list as an artefact", () => {
  const publish = commands.find((command) => command.startsWith("npm run publish"))!;
  assert.match(publish, /--bucket "\$HEZE_BUCKET"/);
  const upload = steps.find((step) => step.uses?.startsWith("actions/upload-artifact"));
  assert.equal(upload?.with?.path, "purge-urls.txt");
});
