"""Output to stderr interleaved with stdout, from the main thread and from a task."""
import asyncio
import sys

print("out 1")
print("err 1", file=sys.stderr)
print("out 2")
sys.stderr.write("err 2 partial ")
sys.stderr.write("continued\n")


async def main():
    print("task out")
    print("task err", file=sys.stderr)
    await asyncio.sleep(0.01)
    print("task out after sleep", flush=True)
    print("warning: something odd", file=sys.stderr, flush=True)


asyncio.run(main())
print("out 3")
print("err 3 without newline", file=sys.stderr, end="")
