// Eleventy 3 ships JavaScript without declarations; these cover the part of its API heze-press uses.
declare module "@11ty/eleventy/UserConfig" {
  export interface EleventyAfterEvent {
    /**
     * The folders of this run (`dir` is deprecated and ignores an output folder given to the
     * constructor).
     */
    directories: { input: string; output: string; includes: string; data: string; layouts?: string };
    runMode: "build" | "watch" | "serve";
    results: { inputPath: string; outputPath: string | false; url: string | false; content: string }[];
  }
  export default class UserConfig {
    dir: { input: string; output: string };
    addPlugin<T>(plugin: (config: UserConfig, options: T) => void | Promise<void>, options: T): void;
    addPlugin(plugin: (config: UserConfig) => void | Promise<void>): void;
    addGlobalData(name: string, data: unknown): this;
    addFilter(name: string, filter: (...args: never[]) => unknown): void;
    addNunjucksGlobal(name: string, value: unknown): void;
    addPassthroughCopy(paths: string | Record<string, string>): this;
    /** "passthrough": the dev server serves passthrough files from their sources instead of copying. */
    setServerPassthroughCopyBehavior(behavior: "copy" | "passthrough"): void;
    addWatchTarget(target: string): void;
    /** A template that is not a file: its path under the input folder, its text and its data. */
    addTemplate(virtualPath: string, content: string, data?: Record<string, unknown>): void;
    addTransform(
      name: string,
      transform: (
        this: { page: { url: string | false; outputPath: string | false } },
        content: string,
      ) => unknown,
    ): void;
    setServerOptions(options: Record<string, unknown>): void;
    setQuietMode(quiet: boolean): void;
    on(event: "eleventy.before", handler: (event: { runMode: string }) => unknown): void;
    on(event: "eleventy.after", handler: (event: EleventyAfterEvent) => unknown): void;
    /** Before a rebuild in watch mode, with the files that changed (relative, `./content/...`). */
    on(event: "eleventy.beforeWatch", handler: (changedFiles: string[]) => unknown): void;
    /** After each rebuild in watch mode, whether it succeeded or failed. */
    on(event: "eleventy.afterwatch", handler: () => unknown): void;
    /** Raised when Eleventy makes the Nunjucks environment of a build. */
    on(
      event: "eleventy.engine.njk",
      handler: (event: {
        nunjucks: typeof import("nunjucks");
        environment: import("nunjucks").Environment;
      }) => unknown,
    ): void;
    ignores: Set<string>;
  }
}

declare module "@11ty/eleventy" {
  import type UserConfig from "@11ty/eleventy/UserConfig";
  export default class Eleventy {
    constructor(
      input?: string,
      output?: string,
      options?: {
        configPath?: string;
        quietMode?: boolean;
        runMode?: "build" | "watch" | "serve";
        config?: (config: UserConfig) => void;
      },
    );
    write(): Promise<unknown>;
    disableLogger(): void;
    init(): Promise<void>;
    watch(): Promise<void>;
    serve(port?: number): Promise<void>;
    stopWatch(): Promise<void>;
  }
}
