/** A JSONL batch of distinct invented reports, for tests that need many documents (killing a run part-way, sharing work between workers). */
export function generatedReports(count: number): string {
  const towns = ["Homs", "Hama", "Aleppo", "Idlib", "Deraa", "Raqqa", "Palmyra", "Qusayr"];
  const lines: string[] = [];
  for (let index = 0; index < count; index++) {
    const town = towns[index % towns.length] ?? "Homs";
    const day = 1 + (index % 28);
    lines.push(JSON.stringify({
      id: `report-${index}`,
      published: `2015-05-${String(day).padStart(2, "0")}`,
      text: `Report ${index}: Syrian troops shelled rebel positions near ${town} on Monday, killing ${index + 2} fighters, a monitor said. Residents fled towards the border.`,
    }));
  }
  return `${lines.join("\n")}\n`;
}
