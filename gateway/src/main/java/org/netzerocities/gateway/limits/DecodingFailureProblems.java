package org.netzerocities.gateway.limits;

import java.util.Map;

import org.netzerocities.gateway.errors.Problems;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Requests Reactor Netty refuses before any handler sees them (headers beyond
 * {@code server.max-http-request-header-size}: 431; a request line beyond 4 KB: 414; anything it cannot decode, such
 * as a malformed {@code X-Forwarded-Port} from a trusted proxy: 400) are answered with an empty body; this gives
 * them the problem+json body every other error has. Only such empty, untyped answers are rewritten.
 */
@ChannelHandler.Sharable
class DecodingFailureProblems extends ChannelOutboundHandlerAdapter implements NettyServerCustomizer {

    private final Map<Integer, byte[]> bodies;

    DecodingFailureProblems(JsonMapper json) {
        this.bodies = Map.of(
                400, json.writeValueAsBytes(Problems.of(HttpStatus.BAD_REQUEST, "bad-request", "Bad request",
                        "The request could not be read: a malformed request line or header")),
                414, json.writeValueAsBytes(Problems.of(HttpStatus.URI_TOO_LONG, "uri-too-long", "URI too long",
                        "The request line is too long")),
                431, json.writeValueAsBytes(Problems.of(HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE,
                        "headers-too-large", "Request headers too large", "The request's headers are too large")));
    }

    @Override
    public HttpServer apply(HttpServer server) {
        return server.doOnChannelInit((observer, channel, address) -> {
            if (channel.pipeline().get(NettyPipeline.HttpCodec) != null) {
                channel.pipeline().addAfter(NettyPipeline.HttpCodec, "nzc.decodingFailureProblems", this);
            }
        });
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
        if (msg instanceof FullHttpResponse response && response.content().readableBytes() == 0
                && !response.headers().contains(HttpHeaderNames.CONTENT_TYPE)
                && bodies.containsKey(response.status().code())) {
            byte[] body = bodies.get(response.status().code());
            FullHttpResponse withProblem = new DefaultFullHttpResponse(response.protocolVersion(), response.status(),
                    Unpooled.wrappedBuffer(body), response.headers().copy(), response.trailingHeaders().copy());
            withProblem.headers().set(HttpHeaderNames.CONTENT_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE)
                    .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
            response.release();
            super.write(ctx, withProblem, promise);
            return;
        }
        super.write(ctx, msg, promise);
    }
}
