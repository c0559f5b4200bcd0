// The one use of Node's Buffer in the workbook reader: a view of the bytes, which exceljs reads as is.
export const Buffer = {
  from: (buffer: ArrayBufferLike, offset: number, length: number): Uint8Array => new Uint8Array(buffer, offset, length),
};
