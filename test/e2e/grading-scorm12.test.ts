// Issue 13 end to end, scorm12: tasks rated by assessors through the preview LMS, see support/grading-journey.ts.
import { gradingJourney } from "./support/grading-journey";

gradingJourney("scorm12");
