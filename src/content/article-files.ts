/**
 * Where the articles are: every `.md` file below the articles folder, found without reading one, so
 * that a build with nothing to do (src/build/up-to-date.ts) need not load what reading them takes.
 */
import { joinedPrefix, listFiles } from "../util/list-files.ts";

/**
 * The article files, and the symbolic links met on the way (to a file or a folder), which are never
 * followed and are each a problem (load-articles.ts): found in the one walk, since a second walk of
 * 100,000 files cost a warm build 0.3 s.
 */
export interface ArticleFiles {
  files: string[];
  links: string[];
}

/**
 * Every `.md` file below a folder, sorted, as paths joined onto `dir` (what `path.join(dir, file)`
 * gives), by concatenation (`joinedPrefix`): even a build with nothing to do lists every file. The
 * links come joined the same way.
 */
export async function findArticleFiles(dir: string): Promise<ArticleFiles> {
  const prefix = joinedPrefix(dir);
  const links: string[] = [];
  try {
    const files = listFiles(dir, links)
      .filter((file) => file.endsWith(".md"))
      .map((file) => prefix + file);
    return { files, links: links.map((link) => prefix + link) };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return { files: [], links: [] };
    throw error;
  }
}
