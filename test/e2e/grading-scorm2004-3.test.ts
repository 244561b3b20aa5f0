// Issue 13 end to end, scorm2004-3: tasks rated by assessors through the preview LMS, see support/grading-journey.ts.
import { gradingJourney } from "./support/grading-journey";

gradingJourney("scorm2004-3");
