using System.Text;

namespace Faceoff.Load.Http;

/// <summary>
/// Copies the head and a bounded prefix of the body of a sampled response. Buffers grow on demand and
/// are reused, so only sampled responses ever cost a copy.
/// </summary>
internal sealed class ResponseCapture
{
    private byte[] _head = new byte[512];
    private byte[] _body = new byte[1024];
    private int _headLength;
    private int _bodyLength;
    private int _maxBody;

    public bool Active { get; private set; }

    public bool BodyTruncated { get; private set; }

    public ReadOnlySpan<byte> HeadBytes => _head.AsSpan(0, _headLength);

    public ReadOnlySpan<byte> BodyBytes => _body.AsSpan(0, _bodyLength);

    public void Start(int maxBodyBytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxBodyBytes);
        Active = true;
        _maxBody = maxBodyBytes;
        Clear();
    }

    public void Stop() => Active = false;

    public void Clear()
    {
        ClearHead();
        _bodyLength = 0;
        BodyTruncated = false;
    }

    public void ClearHead() => _headLength = 0;

    public void Head(ReadOnlySpan<byte> bytes) => Append(ref _head, ref _headLength, bytes);

    public void Body(ReadOnlySpan<byte> bytes)
    {
        var room = _maxBody - _bodyLength;
        if (bytes.Length > room)
        {
            BodyTruncated = true;
            bytes = bytes[..room];
        }

        Append(ref _body, ref _bodyLength, bytes);
    }

    /// <summary>Materialises the captured response for a sampler; allocation is fine here, it is the sampled path.</summary>
    public SampledResponse ToSampledResponse(int statusCode)
    {
        var headers = new List<KeyValuePair<string, string>>();
        var head = HeadBytes;
        var first = true;
        foreach (var range in head.Split((byte)'\n'))
        {
            var line = head[range].TrimEnd((byte)'\r');
            if (first || line.IsEmpty)
            {
                first = false;
                continue;
            }

            var colon = line.IndexOf((byte)':');
            if (colon > 0)
            {
                headers.Add(new(Encoding.Latin1.GetString(line[..colon]), Encoding.Latin1.GetString(line[(colon + 1)..].Trim(" \t"u8))));
            }
        }

        return new SampledResponse(statusCode, headers, BodyBytes.ToArray(), BodyTruncated);
    }

    private static void Append(ref byte[] buffer, ref int length, ReadOnlySpan<byte> bytes)
    {
        if (length + bytes.Length > buffer.Length)
        {
            Array.Resize(ref buffer, Math.Max(buffer.Length * 2, length + bytes.Length));
        }

        bytes.CopyTo(buffer.AsSpan(length));
        length += bytes.Length;
    }
}
