// End to end, scorm12: see support/scorm-journeys.ts.
import { scormJourneys } from "./support/scorm-journeys";

scormJourneys("scorm12");
