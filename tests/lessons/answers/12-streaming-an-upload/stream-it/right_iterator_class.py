# Right: an async iterator class hands httpx one part per __anext__ call.
import asyncio, hashlib, socket

import httpx
import uvicorn
from starlette.applications import Starlette
from starlette.responses import PlainTextResponse
from starlette.routing import Route


async def upload(request):
    digest, size = hashlib.sha256(), 0
    async for chunk in request.stream():
        if chunk:  # the stream ends with an empty chunk
            print(f"server: got {len(chunk)} bytes")
        digest.update(chunk)
        size += len(chunk)
    return PlainTextResponse(f"{size} bytes, sha256 {digest.hexdigest()[:12]}")


async def read_part(i):
    await asyncio.sleep(0.05)  # reading one part of a big file
    print(f"client: read part {i}")
    return bytes([65 + i]) * 1000


class Parts:
    def __init__(self, count):
        self.i, self.count = 0, count

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.i == self.count:
            raise StopAsyncIteration
        self.i += 1
        return await read_part(self.i - 1)


async def send(port):
    async with httpx.AsyncClient() as client:
        response = await client.post(f"http://127.0.0.1:{port}/upload", content=Parts(4))
    print("client: response:", response.text)


async def main():
    with socket.socket() as s:  # ask the OS for a free port on loopback
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    app = Starlette(routes=[Route("/upload", upload, methods=["POST"])])
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    server.install_signal_handlers = lambda: None
    serving = asyncio.create_task(server.serve(), name="server")
    while not server.started:
        await asyncio.sleep(0.01)
    await send(port)
    server.should_exit = True
    await serving


asyncio.run(main())
