using System.Text;

namespace Faceoff.Load.Http;

/// <summary>The framing decisions: what the framing headers say, and how the body is delimited.</summary>
public sealed partial class HttpResponseParser
{
    private bool EndHeaderLine()
    {
        var value = _value.AsSpan(0, _valueLength).TrimEnd(" \t"u8);
        var ok = _header switch
        {
            Header.ContentLength => ApplyContentLength(value),
            Header.TransferEncoding => ApplyTransferEncoding(value),
            Header.Connection => ApplyConnection(value),
            _ => true,
        };
        _header = Header.None;
        _state = State.LineStart;
        return ok;
    }

    private bool ApplyContentLength(ReadOnlySpan<byte> value)
    {
        if (value.IsEmpty || value.Length > 18)
        {
            return Error("invalid Content-Length");
        }

        long length = 0;
        foreach (var c in value)
        {
            if (c is < (byte)'0' or > (byte)'9')
            {
                return Error("invalid Content-Length");
            }

            length = (length * 10) + (c - '0');
        }

        if (_contentLength >= 0 && _contentLength != length)
        {
            return Error("conflicting Content-Length headers");
        }

        _contentLength = length;
        return true;
    }

    private bool ApplyTransferEncoding(ReadOnlySpan<byte> value)
    {
        // Only the last coding decides the framing: "gzip, chunked" is chunked, "chunked, gzip" is not.
        var comma = value.LastIndexOf((byte)',');
        var last = value[(comma + 1)..].Trim(" \t"u8);
        _hasTransferEncoding = true;
        _chunked = Ascii.EqualsIgnoreCase(last, "chunked"u8);
        return true;
    }

    private bool ApplyConnection(ReadOnlySpan<byte> value)
    {
        foreach (var range in value.Split((byte)','))
        {
            if (Ascii.EqualsIgnoreCase(value[range].Trim(" \t"u8), "close"u8))
            {
                _connectionClose = true;
            }
        }

        return true;
    }

    private bool EndOfHead()
    {
        var status = StatusCode;
        if (status is >= 100 and < 200)
        {
            if (status == 101)
            {
                return Error("protocol upgrade is not supported");
            }

            // An interim response (100 Continue, 103 Early Hints): the final one follows on the same bytes.
            ResetHead();
            _capture?.ClearHead();
            return true;
        }

        var untilClose = false;
        if (_noBody || status is 204 or 304)
        {
            _state = State.Done;
        }
        else if (_hasTransferEncoding)
        {
            untilClose = !_chunked;
            _state = _chunked ? State.ChunkSize : State.BodyUntilClose;
        }
        else if (_contentLength >= 0)
        {
            _remaining = _contentLength;
            _state = _contentLength == 0 ? State.Done : State.BodyFixed;
        }
        else
        {
            untilClose = true;
            _state = State.BodyUntilClose;
        }

        KeepAlive = MinorVersion == 1 && !_connectionClose && !untilClose;
        _blockBytes = 0;
        _chunkDigits = 0;
        return true;
    }
}
