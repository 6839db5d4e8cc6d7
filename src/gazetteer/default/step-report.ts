/** What one step of the default build loaded, for the build's report. */
export interface StepReport {
  step: string;
  file: string;
  places: number;
  newNames: number;
  /** What a curator should know: inputs that could not be placed, fallbacks taken. */
  notes: string[];
}
