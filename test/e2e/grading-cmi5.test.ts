// Issue 13 end to end, cmi5: tasks rated by assessors through the preview LMS, see support/grading-journey.ts.
import { gradingJourney } from "./support/grading-journey";

gradingJourney("cmi5");
