import type { Config } from "tailwindcss";

export default {
  content: ["./app/**/*.{ts,tsx}"],
  theme: {
    extend: {
      colors: {
        navy: {
          50: "#f0f4fa",
          100: "#dde6f3",
          200: "#b9cbe6",
          300: "#8aa7d3",
          500: "#34578f",
          600: "#22406f",
          700: "#1a3259",
          800: "#142746",
          900: "#0e1c33",
        },
        accent: { 600: "#b91c1c", 700: "#991b1b" },
      },
      fontFamily: {
        sans: ['"Be Vietnam Pro"', "system-ui", "-apple-system", '"Segoe UI"', "Roboto", "Arial", "sans-serif"],
      },
    },
  },
  plugins: [],
} satisfies Config;
