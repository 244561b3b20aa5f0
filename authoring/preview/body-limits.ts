// What a request body to the preview may weigh.

/** xAPI through the proxy: a statement batch with attachments-free statements stays far below this. */
export const MAX_BODY_BYTES = 4 * 1024 * 1024;
/** The preview API: a SCORM commit (64,000 characters of suspend_data, hundreds of interactions) fits many times. */
export const MAX_API_BODY_BYTES = 1024 * 1024;
