"""A learner's 'scraper': fetch pages concurrently, give up on slow ones with wait_for."""
import asyncio

PAGES = {"home": 0.02, "about": 0.01, "blog": 0.5, "shop": 0.03, "forum": 0.6}


async def fetch(url, delay):
    print(f"GET /{url}")
    await asyncio.sleep(delay)
    return f"<html>{url}</html>"


async def fetch_with_timeout(url, delay):
    try:
        body = await asyncio.wait_for(fetch(url, delay), timeout=0.1)
    except asyncio.TimeoutError:
        print(f"timeout /{url}")
        return None
    print(f"ok /{url} ({len(body)} bytes)")
    return body


async def main():
    results = await asyncio.gather(*(fetch_with_timeout(u, d) for u, d in PAGES.items()))
    fetched = [u for u, r in zip(PAGES, results) if r is not None]
    print("fetched:", ", ".join(fetched))
    print("failed:", len(PAGES) - len(fetched))


if __name__ == "__main__":
    asyncio.run(main())
