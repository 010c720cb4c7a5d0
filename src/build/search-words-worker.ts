import { readIndexedPage, type PageWordsJob, type PageWordsReply } from "./search-words.ts";
import { serveJobs } from "./threads.ts";

/** One words thread: reads the pages search-index.ts sends, and posts back each one's digest and words. */
serveJobs((job: PageWordsJob): PageWordsReply => ({ pages: job.files.map((file) => readIndexedPage(file)) }));
