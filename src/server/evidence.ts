/**
 * The words behind a cluster: for each member report, the trigger, the cues
 * and the sentence in its document, read from the document's stored
 * analysis, so that a viewer can show and highlight what each outlet wrote.
 */
import type { CorpusEvent, MemberEvidence } from "../corpus/types.js";
import type { Analysis } from "../model/analysis.js";
import type { CorpusStore } from "../store/store.js";


export async function clusterEvidence(event: CorpusEvent, store: CorpusStore): Promise<MemberEvidence[]> {
  // Several members of one cluster can come from one document: read each analysis once.
  const analyses = new Map<string, Promise<Analysis | null>>();
  const analysisOf = (id: string) => {
    let analysis = analyses.get(id);
    if (analysis === undefined) {
      analysis = store.getAnalysis(id);
      analyses.set(id, analysis);
    }
    return analysis;
  };
  return Promise.all(
    event.members.map(async ({ report }) => {
      const analysis = await analysisOf(report.documentId);
      const record = analysis?.events.find((candidate) => candidate.id === report.eventId);
      // A member's document and event are stored in the transaction that stores the member, and never deleted.
      if (analysis == null || record === undefined) throw new Error(`expected event ${report.eventId} in the stored analysis of ${report.documentId}, found none`);
      const { text } = analysis.document;
      return {
        documentId: report.documentId,
        eventId: report.eventId,
        url: report.url,
        title: report.title,
        outlet: report.outlet?.name ?? analysis.document.outlet,
        trigger: record.trigger,
        evidence: record.evidence,
        sentence: { ...record.sentence, text: text.slice(record.sentence.start, record.sentence.end) },
      };
    }),
  );
}
