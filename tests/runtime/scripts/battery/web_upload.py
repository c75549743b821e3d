"""A Starlette app on uvicorn hashing a streamed upload from an httpx client, in one loop."""
import asyncio
import hashlib
import socket

import httpx
import uvicorn
from starlette.applications import Starlette
from starlette.responses import PlainTextResponse
from starlette.routing import Route


async def upload(request):
    digest = hashlib.sha256()
    chunks = 0
    async for chunk in request.stream():
        if chunk:
            digest.update(chunk)
            chunks += 1
    return PlainTextResponse(f"{chunks} {digest.hexdigest()[:16]}")


async def body():
    for i in range(4):
        await asyncio.sleep(0.005)
        yield f"chunk {i}\n".encode()


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


async def main():
    port = free_port()
    app = Starlette(routes=[Route("/upload", upload, methods=["POST"])])
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="off")
    server = uvicorn.Server(config)
    serving = asyncio.create_task(server.serve())
    while not server.started:
        await asyncio.sleep(0.01)
    async with httpx.AsyncClient() as client:
        response = await client.post(f"http://127.0.0.1:{port}/upload", content=body())
        print(response.status_code, response.text.split()[1])
    server.should_exit = True
    await serving
    print("server stopped")


asyncio.run(main())
