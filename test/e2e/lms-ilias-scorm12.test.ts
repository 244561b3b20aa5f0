// End to end under the preview's "ilias" LMS behaviour, scorm12: see support/lms-profile-journeys.ts.
// The journeys in which ILIAS's own behaviour shows ((a), (c), (d)); (b) and (e) differ from
// lms-moodle-scorm12.test.ts only in how the grade is recorded, which (a), (c) and (d) prove here.
import { profileJourneys } from "./support/lms-profile-journeys";

profileJourneys("ilias", "scorm12", { ownBehaviourOnly: true });
