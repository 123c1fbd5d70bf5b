package org.smartproperty.sim.gis.internal;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;

import javax.imageio.ImageIO;

/**
 * Draws one 256 px tile (headless java.awt, no fonts: a built-in 3 × 5 pixel font): the base layers {@code vec} (light
 * land on pale blue sea) and {@code img} (dark "imagery" greens on navy) fill Hengqin's outline; the annotation layers
 * {@code cva} / {@code cia} are transparent with the outline, a label and the grid in their own colour. Every tile
 * shows its grid lines (every 64 px, border stronger) and {@code <layer> z/x/y}. Deterministic.
 */
final class TilePainter {

    /**
     * Hengqin island (横琴), a rough outline in CGCS2000 lon/lat (clockwise from the north-west): enough to see
     * where the zone is; not a survey.
     */
    static final double[][] HENGQIN = {
        {113.483, 22.153}, {113.500, 22.160}, {113.525, 22.158}, {113.545, 22.153}, {113.560, 22.145},
        {113.568, 22.130}, {113.565, 22.110}, {113.555, 22.093}, {113.535, 22.083}, {113.515, 22.080},
        {113.495, 22.085}, {113.478, 22.098}, {113.471, 22.118}, {113.474, 22.138},
    };

    private record Style(Color sea, Color land, Color outline, Color grid, Color text, boolean transparent) {
    }

    private static final Map<String, Style> STYLES = Map.of(
            "vec", new Style(new Color(0xAAD3DF), new Color(0xF2EFE9), new Color(0xC0504D), new Color(0x9AA5AD), new Color(0x333333), false),
            "img", new Style(new Color(0x0B2545), new Color(0x3A5A40), new Color(0xE9C46A), new Color(0x5C6B73), new Color(0xF1FAEE), false),
            "cva", new Style(null, null, new Color(0xC0504D), new Color(0x80C0504D, true), new Color(0x7F1D1D), true),
            "cia", new Style(null, null, new Color(0xFFE9C46A, true), new Color(0x80FFFFFF, true), new Color(0xFFFFFF), true));

    private TilePainter() {
    }

    static byte[] png(String layer, String set, int z, long x, long y) {
        Style s = STYLES.getOrDefault(layer, STYLES.get("vec"));
        int n = TileMath.TILE;
        BufferedImage img = new BufferedImage(n, n, s.transparent() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            if (!s.transparent()) {
                g.setColor(s.sea());
                g.fillRect(0, 0, n, n);
            }
            Path2D island = new Path2D.Double();
            for (int i = 0; i < HENGQIN.length; i++) {
                double[] p = TileMath.pixel(set, z, x, y, HENGQIN[i][0], HENGQIN[i][1]);
                if (i == 0) {
                    island.moveTo(p[0], p[1]);
                } else {
                    island.lineTo(p[0], p[1]);
                }
            }
            island.closePath();
            if (!s.transparent()) {
                g.setColor(s.land());
                g.fill(island);
                if ("img".equals(layer)) {
                    texture(g, island, z, x, y);
                }
            }
            g.setColor(s.outline());
            g.setStroke(new BasicStroke(z >= 12 ? 3f : 1.5f));
            g.draw(island);
            // the grid: every 64 px, the tile border stronger
            g.setColor(s.grid());
            g.setStroke(new BasicStroke(1f));
            for (int i = 64; i < n; i += 64) {
                g.drawLine(i, 0, i, n);
                g.drawLine(0, i, n, i);
            }
            g.setStroke(new BasicStroke(2f));
            g.drawRect(0, 0, n - 1, n - 1);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
            g.setColor(s.text());
            String label = layer.toUpperCase(Locale.ROOT) + " " + z + "/" + x + "/" + y;
            // the annotation's label one line lower, so base and annotation labels do not overlap
            BitmapFont.draw(g, label, 8, s.transparent() ? 24 : 8, 2);
            if (s.transparent()) {
                double[] c = TileMath.pixel(set, z, x, y, 113.52, 22.12);
                if (c[0] > -60 && c[0] < n + 60 && c[1] > -20 && c[1] < n + 20 && z >= 9) {
                    BitmapFont.draw(g, "HENGQIN", (int) c[0] - 24, (int) c[1] - 5, 2);
                }
            }
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(8_192);
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Fields on the island of the imagery layer: a checker of greens fixed to lon/lat, so neighbouring tiles match. */
    private static void texture(Graphics2D g, Path2D island, int z, long x, long y) {
        if (z < 11) {
            return;
        }
        java.awt.Shape clip = g.getClip();
        g.clip(island);
        Color[] greens = {new Color(0x2D6A4F), new Color(0x40916C), new Color(0x52796F), new Color(0x6B705C)};
        int step = 32;
        for (int py = 0; py < TileMath.TILE; py += step) {
            for (int px = 0; px < TileMath.TILE; px += step) {
                long gx = x * TileMath.TILE / step + px / step;
                long gy = y * TileMath.TILE / step + py / step;
                g.setColor(greens[(int) Math.floorMod(gx * 7 + gy * 13, greens.length)]);
                g.fillRect(px, py, step, step);
            }
        }
        g.setClip(clip);
    }

    /** A 3 × 5 pixel font for the labels (digits, capitals, '/', ' ', '-', '.'), so tiles need no installed font. */
    static final class BitmapFont {

        private static final Map<Character, String> GLYPHS = Map.ofEntries(
                Map.entry('0', "111101101101111"), Map.entry('1', "010110010010111"), Map.entry('2', "111001111100111"),
                Map.entry('3', "111001111001111"), Map.entry('4', "101101111001001"), Map.entry('5', "111100111001111"),
                Map.entry('6', "111100111101111"), Map.entry('7', "111001010010010"), Map.entry('8', "111101111101111"),
                Map.entry('9', "111101111001111"), Map.entry('/', "001001010100100"), Map.entry('-', "000000111000000"),
                Map.entry('.', "000000000000010"), Map.entry(' ', "000000000000000"),
                Map.entry('A', "010101111101101"), Map.entry('C', "011100100100011"), Map.entry('E', "111100110100111"),
                Map.entry('G', "011100101101011"), Map.entry('H', "101101111101101"), Map.entry('I', "111010010010111"),
                Map.entry('M', "101111111101101"), Map.entry('N', "101111111111101"), Map.entry('Q', "010101101111011"),
                Map.entry('V', "101101101101010"), Map.entry('W', "101101111111101"), Map.entry('Z', "111001010100111"));

        private BitmapFont() {
        }

        static void draw(Graphics2D g, String text, int left, int top, int scale) {
            int cx = left;
            for (char ch : text.toCharArray()) {
                String bits = GLYPHS.getOrDefault(ch, GLYPHS.get(' '));
                for (int i = 0; i < 15; i++) {
                    if (bits.charAt(i) == '1') {
                        g.fillRect(cx + (i % 3) * scale, top + (i / 3) * scale, scale, scale);
                    }
                }
                cx += 4 * scale;
            }
        }
    }
}
