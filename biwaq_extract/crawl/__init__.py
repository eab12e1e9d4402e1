"""Crawling: fetch pages politely (robots.txt, delays, retries), archive every response as WARC, follow listings."""
