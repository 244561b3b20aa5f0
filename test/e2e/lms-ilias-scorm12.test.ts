// End to end under the preview's "ilias" LMS behaviour, scorm12: see support/lms-profile-journeys.ts.
import { profileJourneys } from "./support/lms-profile-journeys";

profileJourneys("ilias", "scorm12");
