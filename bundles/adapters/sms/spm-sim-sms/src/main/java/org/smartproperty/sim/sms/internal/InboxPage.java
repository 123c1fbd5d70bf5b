package org.smartproperty.sim.sms.internal;

import java.util.List;
import java.util.Map;

/** The demo inbox (zh-CN): newest message first, grouped by nothing, refreshed every 5 s. */
final class InboxPage {

    private InboxPage() {
    }

    static String render(List<SmsSimulator.Message> messages, String mode, Map<String, String> receipts) {
        StringBuilder sb = new StringBuilder();
        sb.append("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><meta http-equiv=\"refresh\" content=\"5\">")
                .append("<title>短信模拟器 · 收件箱</title><style>body{font-family:sans-serif;margin:2em;background:#f4f6f8}")
                .append(".sms{background:#fff;border-radius:8px;padding:.8em 1em;margin:.6em 0;max-width:40em;box-shadow:0 1px 2px #ccc}")
                .append(".meta{color:#667;font-size:.85em}</style></head><body>")
                .append("<h1>短信模拟器 · 收件箱</h1><p>仅用于开发与演示，不会发送真实短信。当前模式：").append(esc(mode))
                .append("；共收到 ").append(messages.size()).append(" 条。</p>");
        for (int i = messages.size() - 1; i >= 0; i--) {
            SmsSimulator.Message m = messages.get(i);
            String receipt = switch (receipts.getOrDefault(m.bizId() + m.phone(), "NONE")) {
                case "SENT" -> m.reachable() ? "回执：已送达" : "回执：发送失败（用户关机）";
                case "PENDING" -> "回执：待推送";
                case "GAVE_UP" -> "回执：推送失败，已放弃";
                default -> "无回执";
            };
            sb.append("<div class=\"sms\"><div class=\"meta\">").append(esc(m.phone())).append(" · ")
                    .append(esc(SmsSimulator.TIME.format(m.receivedAt()))).append(" · ").append("aliyun".equals(m.provider()) ? "阿里云" : "腾讯云")
                    .append(" · 业务编号 ").append(esc(m.outId())).append(" · ").append(receipt).append("</div><div>")
                    .append(esc(m.text())).append("</div></div>");
        }
        return sb.append("</body></html>").toString();
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
