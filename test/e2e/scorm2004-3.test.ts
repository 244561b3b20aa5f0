// End to end, scorm2004-3: see support/scorm-journeys.ts. The journeys that launch and relaunch the
// package through its 3rd-edition manifest; the rest run on scorm2004-4, whose package carries the
// same SCO byte for byte (test/package/scorm2004-editions-same-sco.test.ts).
import { scormJourneys } from "./support/scorm-journeys";

scormJourneys("scorm2004-3", { launchJourneysOnly: true });
