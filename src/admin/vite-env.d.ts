/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** The Medusa server's address when the admin is served from elsewhere (Medusa's admin build sets it). */
  readonly VITE_BACKEND_URL?: string
}
