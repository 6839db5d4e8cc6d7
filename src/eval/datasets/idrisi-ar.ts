import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import type { DatasetText } from "./labelled-text.js";

/** idrisi-ar/<event>/train.jsonl: one tweet per line (tweet_id, text, location_mentions…). */
export async function readIdrisiTweets(folder: string): Promise<DatasetText[]> {
  const events = (await readdir(folder, { withFileTypes: true })).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
  const texts: DatasetText[] = [];
  for (const event of events) {
    const lines = (await readFile(join(folder, event, "train.jsonl"), "utf8")).split("\n").filter((line) => line.trim() !== "");
    for (const line of lines) {
      const tweet = JSON.parse(line) as { tweet_id: string; text: string };
      texts.push({ id: `${event}/${tweet.tweet_id}`, text: tweet.text });
    }
  }
  return texts;
}
