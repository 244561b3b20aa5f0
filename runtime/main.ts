// Browser entry point of the runtime bundle (dist/runtime/passmark.js): boots the learner UI into
// the package's index.html (templates/shell/index.html).
import { boot } from "./app/boot";

const root = document.getElementById("passmark");
if (root) void boot(window, root);
