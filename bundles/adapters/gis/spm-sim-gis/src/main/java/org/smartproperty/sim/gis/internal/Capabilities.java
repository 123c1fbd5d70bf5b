package org.smartproperty.sim.gis.internal;

import java.util.Locale;

/** The WMTS 1.0.0 capabilities document of one {@code <layer>_<set>} service, as the Tianditu services publish it. */
final class Capabilities {

    private Capabilities() {
    }

    static String title(String layer) {
        return switch (layer) {
            case "vec" -> "矢量底图";
            case "cva" -> "矢量注记";
            case "img" -> "影像底图";
            case "cia" -> "影像注记";
            default -> layer;
        };
    }

    static String xml(String layer, String set, String path) {
        boolean c = "c".equals(set);
        StringBuilder sb = new StringBuilder(16_000);
        sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<Capabilities xmlns=\"http://www.opengis.net/wmts/1.0\" xmlns:ows=\"http://www.opengis.net/ows/1.1\" ")
                .append("xmlns:xlink=\"http://www.w3.org/1999/xlink\" version=\"1.0.0\">\n")
                .append("<ows:ServiceIdentification><ows:Title>珠海市一张图 WebGIS（模拟器）</ows:Title>")
                .append("<ows:ServiceType>OGC WMTS</ows:ServiceType><ows:ServiceTypeVersion>1.0.0</ows:ServiceTypeVersion></ows:ServiceIdentification>\n")
                .append("<ows:OperationsMetadata>");
        for (String op : new String[] {"GetCapabilities", "GetTile"}) {
            sb.append("<ows:Operation name=\"").append(op).append("\"><ows:DCP><ows:HTTP><ows:Get xlink:href=\"").append(path)
                    .append("?\"><ows:Constraint name=\"GetEncoding\"><ows:AllowedValues><ows:Value>KVP</ows:Value></ows:AllowedValues>")
                    .append("</ows:Constraint></ows:Get></ows:HTTP></ows:DCP></ows:Operation>");
        }
        sb.append("</ows:OperationsMetadata>\n<Contents>\n<Layer><ows:Title>").append(title(layer)).append("</ows:Title><ows:Abstract>")
                .append(layer).append("</ows:Abstract><ows:Identifier>").append(layer).append("</ows:Identifier>")
                .append("<ows:WGS84BoundingBox><ows:LowerCorner>-180.0 -90.0</ows:LowerCorner><ows:UpperCorner>180.0 90.0</ows:UpperCorner></ows:WGS84BoundingBox>")
                .append("<Style isDefault=\"true\"><ows:Identifier>default</ows:Identifier></Style><Format>tiles</Format><Format>image/png</Format>")
                .append("<TileMatrixSetLink><TileMatrixSet>").append(set).append("</TileMatrixSet></TileMatrixSetLink>")
                .append("<ResourceURL format=\"image/png\" resourceType=\"tile\" template=\"").append(path)
                .append("/tile/{TileMatrix}/{TileRow}/{TileCol}\"/></Layer>\n")
                .append("<TileMatrixSet><ows:Identifier>").append(set).append("</ows:Identifier><ows:SupportedCRS>")
                .append(c ? "urn:ogc:def:crs:EPSG::4490" : "urn:ogc:def:crs:EPSG::3857").append("</ows:SupportedCRS>\n");
        for (int z = GisSimulator.MIN_LEVEL; z <= GisSimulator.MAX_LEVEL; z++) {
            double scale = TileMath.resolution(set, z) * (c ? TileMath.METERS_PER_DEGREE : 1) / 0.00028;
            sb.append("<TileMatrix><ows:Identifier>").append(z).append("</ows:Identifier><ScaleDenominator>")
                    .append(String.format(Locale.ROOT, "%.8f", scale)).append("</ScaleDenominator><TopLeftCorner>")
                    .append(c ? "90.0 -180.0" : "-20037508.3427892 20037508.3427892")
                    .append("</TopLeftCorner><TileWidth>256</TileWidth><TileHeight>256</TileHeight><MatrixWidth>")
                    .append(TileMath.matrixWidth(set, z)).append("</MatrixWidth><MatrixHeight>").append(TileMath.matrixHeight(set, z))
                    .append("</MatrixHeight></TileMatrix>\n");
        }
        return sb.append("</TileMatrixSet>\n</Contents>\n</Capabilities>\n").toString();
    }
}
