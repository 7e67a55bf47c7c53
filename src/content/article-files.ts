/**
 * Where the articles are: every `.md` file below the articles folder, found without reading one, so
 * that a build with nothing to do (src/build/up-to-date.ts) need not load what reading them takes.
 */
import { joinedPrefix, listFiles } from "../util/list-files.ts";

/**
 * Every `.md` file below a folder, sorted, as paths joined onto `dir` (what `path.join(dir, file)`
 * gives), by concatenation (`joinedPrefix`): even a build with nothing to do lists every file.
 */
export async function findArticleFiles(dir: string): Promise<string[]> {
  const prefix = joinedPrefix(dir);
  try {
    return listFiles(dir)
      .filter((file) => file.endsWith(".md"))
      .map((file) => prefix + file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
}
