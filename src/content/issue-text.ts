/**
 * Zod issues that carry a catalog Text (src/util/messages/): a rule of ours reports its message as
 * `params.text`, so that validation can show it in the reader's language and zod's own English
 * ("expected number, received string") never reaches an editor.
 *   ctx.addIssue(customIssue(notADate));  …  issueText(issue) === notADate
 */
import type { z } from "zod";
import type { Text } from "../util/messages/text.ts";

/** A custom issue: English for zod's own message, the Text for editors. */
export function customIssue(text: Text): { code: "custom"; message: string; params: { text: Text } } {
  return { code: "custom", message: text.en, params: { text } };
}

/** The options of `.refine()` reporting `text`. */
export function refineText(text: Text): { message: string; params: { text: Text } } {
  return { message: text.en, params: { text } };
}

/** The Text of an issue one of our rules raised; undefined for zod's own issues. */
export function issueText(issue: z.core.$ZodIssue): Text | undefined {
  return issue.code === "custom" ? (issue.params?.text as Text | undefined) : undefined;
}
