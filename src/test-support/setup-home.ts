import { inject } from "vitest";

// Every test, and every sitrep process a test starts, uses the gazetteer built by global-setup.ts.
process.env.SITREP_HOME = inject("sitrepHome");
