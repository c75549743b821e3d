# Reference solution: update one sha256 object with every chunk of the request stream.
import asyncio, hashlib, socket

import httpx
import uvicorn
from starlette.applications import Starlette
from starlette.responses import PlainTextResponse
from starlette.routing import Route

KNOWN = "b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9"  # sha256(b"hello world")


async def upload(request):
    digest = hashlib.sha256()
    async for chunk in request.stream():  # one chunk in memory at a time
        if chunk:  # the stream ends with an empty chunk
            digest.update(chunk)
            print(f"server: hashed {len(chunk)} bytes")
    return PlainTextResponse(digest.hexdigest())


async def pieces():
    for piece in (b"hel", b"lo wor", b"ld"):
        await asyncio.sleep(0.1)
        print(f"client: sending {piece!r}")
        yield piece


async def main():
    with socket.socket() as s:  # ask the OS for a free port on loopback
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    app = Starlette(routes=[Route("/upload", upload, methods=["POST"])])
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="off"))
    server.install_signal_handlers = lambda: None
    serving = asyncio.create_task(server.serve(), name="server")
    while not server.started:
        await asyncio.sleep(0.01)
    async with httpx.AsyncClient() as client:
        response = await client.post(f"http://127.0.0.1:{port}/upload", content=pieces())
    print("client: digest", "matches" if response.text == KNOWN else "DIFFERS: " + response.text[:12])
    server.should_exit = True
    await serving


asyncio.run(main())
