// End to end under the preview's "moodle" LMS behaviour, scorm2004-3: see support/lms-profile-journeys.ts.
// The journeys that launch and relaunch through the 3rd-edition manifest ((a), (c)); (b), (d) and (e)
// run on scorm2004-4, whose package carries the same SCO byte for byte
// (test/package/scorm2004-editions-same-sco.test.ts).
import { profileJourneys } from "./support/lms-profile-journeys";

profileJourneys("moodle", "scorm2004-3", { launchJourneysOnly: true });
