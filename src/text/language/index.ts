export { createLanguageStage } from "./stage.js";
export { identifyLanguage, isSupportedLanguage, SUPPORTED_LANGUAGES, type Identification, type SupportedLanguage } from "./identify.js";
