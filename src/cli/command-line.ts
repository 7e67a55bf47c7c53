/**
 * What every command does with a bad option or environment value: one line saying what is wrong and
 * what to do, then the command's usage line, exit 2, before anything is read or written.
 *   heze-press build: HEZE_NOW="tomorrow": expected a date and time such as 2021-11-22 09:27 …
 *   usage: npm run build   (environment: HEZE_CONTENT, HEZE_OUTPUT, HEZE_NOW, SEARCH=on|off)
 */
import { existsSync } from "node:fs";
import { mkdir, rmdir } from "node:fs/promises";
import path from "node:path";
import { parseArgs, type ParseArgsConfig } from "node:util";
import { readBuildOptions, type BuildOptions } from "../build/build-options.ts";
import { DEFAULT_LANGUAGE, isLanguage, LANGUAGES, type Language } from "../util/messages/text.ts";

/** The environment every command reads (src/build/build-options.ts; HEZE_LANG: src/util/messages/text.ts). */
export const ENVIRONMENT_USAGE =
  "environment: HEZE_CONTENT=folder, HEZE_OUTPUT=folder, HEZE_NOW=2026-04-09 06:00, SEARCH=on|off, HEZE_EDITOR_PORT=port, HEZE_LANG=zh|en";

/** The option of commands that print content problems: `--lang en` keeps English for engineers. */
export const LANGUAGE_OPTION = { lang: { type: "string" } } as const;
export const LANGUAGE_USAGE = `[--lang ${LANGUAGES.join("|")}]`;

/**
 * The language of content messages: `--lang`, else `HEZE_LANG`, else Chinese; a bad value of either
 * is a usage error.
 */
export function readLanguage(
  command: Command,
  option: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): Language {
  const expected = `expected ${LANGUAGES.join(" or ")}`;
  const fromEnv = env.HEZE_LANG;
  if (fromEnv !== undefined && !isLanguage(fromEnv))
    usageError(command, `HEZE_LANG="${fromEnv}": ${expected}`);
  if (option !== undefined && !isLanguage(option)) usageError(command, `--lang "${option}": ${expected}`);
  return option ?? fromEnv ?? DEFAULT_LANGUAGE;
}

export interface Command {
  /** `build`, `check`, … as shown after `heze-press`. */
  name: string;
  usage: string;
}

export function usageError(command: Command, message: string): never {
  console.error(`heze-press ${command.name}: ${message}`);
  console.error(command.usage);
  process.exit(2);
}

/** The command's options, or a usage error for an unknown option, a missing value or a stray argument. */
export function parseOptions<T extends NonNullable<ParseArgsConfig["options"]>>(
  command: Command,
  options: T,
) {
  try {
    return parseArgs({ options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    return usageError(command, (error as Error).message);
  }
}

/** A TCP port given as text: `port("8080") === 8080`; undefined when it is not one. */
export function port(text: string): number | undefined {
  const n = Number(text);
  return /^\d+$/.test(text) && n >= 1 && n <= 65535 ? n : undefined;
}

/** The build options from the environment (the preview's with `preview`), each bad value a usage error. */
export function readEnvironment(
  command: Command,
  env: NodeJS.ProcessEnv = process.env,
  preview = false,
): BuildOptions {
  if (env.SEARCH !== undefined && !["on", "off"].includes(env.SEARCH))
    usageError(command, `SEARCH="${env.SEARCH}": expected on or off`);
  readLanguage(command, undefined, env);
  if (env.HEZE_EDITOR_PORT !== undefined && port(env.HEZE_EDITOR_PORT) === undefined)
    usageError(command, `HEZE_EDITOR_PORT="${env.HEZE_EDITOR_PORT}": expected a port from 1 to 65535`);
  let options: BuildOptions;
  try {
    options = readBuildOptions(env, preview);
  } catch (error) {
    return usageError(command, (error as Error).message); // HEZE_NOW
  }
  if (!existsSync(options.contentDir))
    usageError(
      command,
      `HEZE_CONTENT: no folder ${options.contentDir}; point it at the folder holding site.yaml`,
    );
  return options;
}

/** Room left under the output folder for the site's own paths (`bendi/2021/11/22/<slug>/index.html`). */
const SITE_PATH_ROOM = 300;
/** Linux's PATH_MAX, less the terminating NUL. */
const MAX_PATH_BYTES = 4095;

/**
 * Makes sure the build can write beside `outputDir` (where its staging folder goes) before it
 * starts: an unwritable or over-long path is a usage error, not a stack trace half-way.
 */
export async function checkOutputDir(command: Command, outputDir: string): Promise<void> {
  const fail = (why: string): never => usageError(command, `HEZE_OUTPUT="${outputDir}": ${why}`);
  if (Buffer.byteLength(outputDir) + SITE_PATH_ROOM > MAX_PATH_BYTES)
    fail(`the path is too long to hold the site; use a shorter one`);
  const probe = `${outputDir}.staging-probe-${process.pid}-${Date.now()}`;
  try {
    await mkdir(path.dirname(outputDir), { recursive: true });
    await mkdir(probe);
    await rmdir(probe);
  } catch (error) {
    const { code } = error as NodeJS.ErrnoException;
    if (code === "ENAMETOOLONG") fail("a name in the path is too long; use a shorter one");
    if (code === "ENOTDIR" || code === "EEXIST") fail(`a file stands in the path (${code}); choose a folder`);
    fail(`cannot write there (${code ?? (error as Error).message}); choose a folder you may write to`);
  }
}

/** What `npm run preview` and `npm run editor` take: `--port` and the preview's options. */
export function readPreviewCommand(command: Command): { port: number; options: BuildOptions } {
  const values = parseOptions(command, { port: { type: "string", default: "8080" } });
  const previewPort =
    port(values.port) ?? usageError(command, `--port "${values.port}": expected a port from 1 to 65535`);
  return { port: previewPort, options: readEnvironment(command, process.env, true) };
}
