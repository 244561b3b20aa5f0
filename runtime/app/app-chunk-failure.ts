// What a cmi5 launch shows when its app chunk cannot be loaded (runtime/entry-cmi5.ts: the engine and
// the UI are a chunk of their own, fetched beside the bundle): the course's title, that it could not
// be loaded, and "Load again", in the course's language; never "Loading…" for ever
// (docs/rules/lms.md §5). Plain DOM, a few hundred bytes: the UI and its messages are in the chunk
// that failed. "Load again" imports the chunk anew in the same page, so the cmi5 session the bundle
// already started carries on; the focus goes to the button, so a keyboard user can press it at once.

type Lang = "en" | "fr" | "es";

const TEXT: Record<Lang, { failed: string; loadAgain: string; loading: string }> = {
  en: { failed: "The course could not be loaded. Check your connection, then load it again.", loadAgain: "Load again", loading: "Loading…" },
  fr: {
    failed: "Le cours n’a pas pu être chargé. Vérifiez votre connexion, puis chargez-le à nouveau.",
    loadAgain: "Charger à nouveau",
    loading: "Chargement…",
  },
  es: { failed: "No se ha podido cargar el curso. Compruebe su conexión y vuelva a cargarlo.", loadAgain: "Volver a cargar", loading: "Cargando…" },
};

/** The messages for the page's language (`<html lang>`, which the build sets to the course's), English for any other. */
function text(doc: Document): (typeof TEXT)[Lang] {
  const primary = doc.documentElement.lang.toLowerCase().split("-")[0];
  return TEXT[primary === "fr" || primary === "es" ? primary : "en"];
}

/** The page's root (#passmark) with only a `<main>` of the loading style in it; returns the main. */
function freshMain(doc: Document): HTMLElement {
  const root = doc.getElementById("passmark") ?? doc.body;
  const main = doc.createElement("main");
  main.className = "pm-loading";
  root.replaceChildren(main);
  return main;
}

/** Shows that the app could not be loaded; `retry` runs when the learner presses "Load again". */
export function showAppChunkFailure(doc: Document, retry: () => void): void {
  const messages = text(doc);
  const main = freshMain(doc);
  const heading = doc.createElement("h1");
  heading.textContent = doc.title;
  const alert = doc.createElement("div");
  alert.setAttribute("role", "alert");
  const message = doc.createElement("p");
  message.textContent = messages.failed;
  const button = doc.createElement("button");
  button.type = "button";
  button.className = "pm-button";
  button.textContent = messages.loadAgain;
  button.addEventListener("click", () => {
    showAppLoading(doc);
    retry();
  });
  alert.append(message, button);
  main.append(heading, alert);
  button.focus();
}

/** "Loading…" again while the chunk is tried anew. */
export function showAppLoading(doc: Document): void {
  const main = freshMain(doc);
  const message = doc.createElement("p");
  message.textContent = text(doc).loading;
  main.append(message);
}
