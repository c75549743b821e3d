# A streaming upload on loopback: httpx sends a body from an async generator, Starlette hashes it
# chunk by chunk as it arrives. Neither side ever holds the whole body.
import asyncio, hashlib, os, socket

import httpx
import uvicorn
from starlette.applications import Starlette
from starlette.responses import PlainTextResponse
from starlette.routing import Route

CHUNKS = int(os.environ.get("LS_CHUNKS", "5"))


async def upload(request):  # the server side, one task per request
    digest, size = hashlib.sha256(), 0
    async for chunk in request.stream():
        if chunk:  # the stream ends with an empty chunk
            print(f"server: got {len(chunk)} bytes")
        digest.update(chunk)
        size += len(chunk)
    return PlainTextResponse(f"{size} bytes, sha256 {digest.hexdigest()[:12]}")


async def body():  # the client side: produced one chunk at a time
    for i in range(CHUNKS):
        await asyncio.sleep(0.1)  # e.g. reading a camera or a big file
        print(f"client: sending chunk {i}")
        yield bytes([65 + i]) * 1000


async def main():
    with socket.socket() as s:  # ask the OS for a free port on loopback
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    app = Starlette(routes=[Route("/upload", upload, methods=["POST"])])
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning",
                                          lifespan="off"))  # no startup/shutdown task
    server.install_signal_handlers = lambda: None  # leave Ctrl-C and stop to the host
    serving = asyncio.create_task(server.serve(), name="server")
    while not server.started:
        await asyncio.sleep(0.01)
    async with httpx.AsyncClient() as client:
        response = await client.post(f"http://127.0.0.1:{port}/upload", content=body())
    print("client: response:", response.text)
    server.should_exit = True
    await serving


asyncio.run(main())
