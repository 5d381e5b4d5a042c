/**
 * The few platform messages that a page without the root's data needs (an unknown address,
 * or the root loader failing): the shell for a visitor and the error page. Kept here, small,
 * because the browser must not load the dictionary; a test checks that each text is the
 * dictionary's own (app/platform/i18n/messages.vi.ts and messages.en.ts).
 */
import type { Locale, MessageKey, Messages } from "./index";

export const FALLBACK_KEYS = [
  "app.name",
  "app.shortName",
  "app.ministry",
  "app.skipToContent",
  "lang.switchTo",
  "nav.main",
  "nav.menu",
  "nav.home",
  "nav.programme",
  "nav.signIn",
  "common.backHome",
  "error.forbidden.title",
  "error.forbidden.body",
  "error.notFound.title",
  "error.notFound.body",
  "error.generic.title",
  "error.generic.body",
] as const satisfies readonly MessageKey[];

export const FALLBACK_MESSAGES: Record<Locale, Messages<(typeof FALLBACK_KEYS)[number]>> = {
  vi: {
    "app.name": "Hệ thống Hội nghị Ngoại vụ",
    "app.shortName": "Hội nghị Ngoại vụ",
    "app.ministry": "Bộ Ngoại giao · Cục Ngoại vụ",
    "app.skipToContent": "Chuyển đến nội dung chính",
    "lang.switchTo": "EN – Switch to English",
    "nav.main": "Điều hướng chính",
    "nav.menu": "Trình đơn",
    "nav.home": "Trang chủ",
    "nav.programme": "Chương trình",
    "nav.signIn": "Đăng nhập",
    "common.backHome": "Về trang chủ",
    "error.forbidden.title": "Bạn không có quyền truy cập trang này",
    "error.forbidden.body":
      "Trang này dành cho vai trò khác. Nếu bạn cho rằng đây là nhầm lẫn, hãy liên hệ Ban tổ chức.",
    "error.notFound.title": "Không tìm thấy trang",
    "error.notFound.body": "Đường dẫn không tồn tại hoặc đã được thay đổi.",
    "error.generic.title": "Đã có lỗi xảy ra",
    "error.generic.body": "Hệ thống không xử lý được yêu cầu. Dữ liệu bạn đã lưu không bị ảnh hưởng; vui lòng thử lại.",
  },
  en: {
    "app.name": "Local External Affairs Conference System",
    "app.shortName": "External Affairs Conference",
    "app.ministry": "Ministry of Foreign Affairs · Department of Local External Affairs",
    "app.skipToContent": "Skip to main content",
    "lang.switchTo": "VI – Chuyển sang tiếng Việt",
    "nav.main": "Main navigation",
    "nav.menu": "Menu",
    "nav.home": "Home",
    "nav.programme": "Programme",
    "nav.signIn": "Sign in",
    "common.backHome": "Back to home",
    "error.forbidden.title": "You do not have access to this page",
    "error.forbidden.body": "This page is for another role. If you think this is a mistake, contact the organisers.",
    "error.notFound.title": "Page not found",
    "error.notFound.body": "The address does not exist or has changed.",
    "error.generic.title": "Something went wrong",
    "error.generic.body": "The system could not handle the request. What you saved is safe; please try again.",
  },
};
