// The first script of a cmi5 package's page (dist/runtime/passmark-launch.js: a classic script, no
// imports at run time, built by build.mjs): begins the cmi5 handshake as soon as the head is parsed,
// before the module bundle arrives (runtime/lms/cmi5/early-launch.ts); on any other launch it does nothing.
import { startEarlyLaunch } from "./lms/cmi5/early-launch";

startEarlyLaunch(window, (url, init) => fetch(url, init));
