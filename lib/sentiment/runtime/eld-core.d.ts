/** eld's core (node_modules/eld/src/languageDetector.js), reached through the wxt.config.ts alias "veille-eld-core". */
declare module 'veille-eld-core' {
  export function createEld(): { instance: unknown; loadData(data: unknown): boolean };
}
