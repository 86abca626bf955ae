/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** Base URL of the content feed; `/content` by default. */
  readonly VITE_CONTENT_BASE?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
