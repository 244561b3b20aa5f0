// End to end, scorm2004-3: see support/scorm-journeys.ts.
import { scormJourneys } from "./support/scorm-journeys";

scormJourneys("scorm2004-3");
