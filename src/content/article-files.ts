/**
 * Where the articles are: every `.md` file below the articles folder, found without reading one, so
 * that a build with nothing to do (src/build/up-to-date.ts) need not load what reading them takes.
 */
import path from "node:path";
import { listFiles } from "../util/list-files.ts";

/** Every `.md` file below a folder, sorted, as paths joined onto `dir`. */
export async function findArticleFiles(dir: string): Promise<string[]> {
  try {
    return listFiles(dir)
      .filter((file) => file.endsWith(".md"))
      .map((file) => path.join(dir, file));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
}
