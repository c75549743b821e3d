# Wrong: streams, but always reads the next part before handing over the current one.
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


async def parts():
    current = await read_part(0)
    for i in range(1, 4):
        following = await read_part(i)  # reads the next part before this one is sent
        yield current
        current = following
    yield current


async def send(port):
    async with httpx.AsyncClient() as client:
        response = await client.post(f"http://127.0.0.1:{port}/upload", content=parts())
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
