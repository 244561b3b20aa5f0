// End to end under the preview's "moodle" LMS behaviour, scorm2004-3: see support/lms-profile-journeys.ts.
import { profileJourneys } from "./support/lms-profile-journeys";

profileJourneys("moodle", "scorm2004-3");
