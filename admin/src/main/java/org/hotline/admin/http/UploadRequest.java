package org.hotline.admin.http;

import io.netty.handler.codec.http.HttpRequest;

/**
 * What {@link HeadCheck} hands to {@link HttpRequestHandler} for a request to an {@link
 * UploadRoute}, past the aggregator: its head, the verdict on it, and its body, still arriving.
 */
record UploadRequest(HttpRequest head, HeadVerdict verdict, UploadBody body) {}
