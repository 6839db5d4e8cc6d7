import { readFile } from "node:fs/promises";
import type { DatasetText } from "./labelled-text.js";

/** voa-stories/voa_stories.jsonl: one story per line (id, url, title, published, text). */
export async function readVoaStories(path: string): Promise<DatasetText[]> {
  const lines = (await readFile(path, "utf8")).split("\n").filter((line) => line.trim() !== "");
  return lines.map((line) => {
    const story = JSON.parse(line) as { id: string; text: string; title?: string; published?: string; url?: string };
    return {
      id: String(story.id),
      text: story.text,
      ...(story.title ? { title: story.title } : {}),
      ...(story.published ? { published: story.published.replace(" ", "T") } : {}),
      ...(story.url ? { url: story.url } : {}),
    };
  });
}
